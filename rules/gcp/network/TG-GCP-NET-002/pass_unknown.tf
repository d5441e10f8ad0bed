variable "admin_ranges" {
  type = list(string)
}

resource "google_compute_firewall" "allow_admin" {
  name    = "allow-admin"
  network = "projects/example/global/networks/main"
  source_ranges = var.admin_ranges

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
