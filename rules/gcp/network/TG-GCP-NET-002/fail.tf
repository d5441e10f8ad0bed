resource "google_compute_firewall" "allow_admin" {
  name    = "allow-admin"
  network = "projects/example/global/networks/main"
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["admin"]

  allow {
    protocol = "tcp"
    ports    = ["443", "3389"]
  }
}
