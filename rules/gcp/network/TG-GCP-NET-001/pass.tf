resource "google_compute_firewall" "allow_admin" {
  name    = "allow-admin"
  network = "projects/example/global/networks/main"
  source_ranges = ["35.235.240.0/20"]
  target_tags   = ["admin"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
