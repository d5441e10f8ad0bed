resource "google_compute_firewall" "allow_high" {
  name    = "allow-high"
  network = "projects/example/global/networks/main"
  direction     = "INGRESS"
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["3379-3399"]
  }
}
