resource "google_compute_firewall" "allow_web" {
  name    = "allow-web"
  network = "projects/example/global/networks/main"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["80", "443", "220-229"]
  }

  allow {
    protocol = "udp"
    ports    = ["3389"]
  }
}
