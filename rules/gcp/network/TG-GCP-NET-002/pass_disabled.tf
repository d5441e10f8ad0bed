resource "google_compute_firewall" "break_glass" {
  name    = "break-glass"
  network = "projects/example/global/networks/main"
  source_ranges = ["0.0.0.0/0"]
  disabled      = true

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
