resource "google_compute_firewall" "egress_admin" {
  name    = "egress-admin"
  network = "projects/example/global/networks/main"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
