resource "google_compute_firewall" "from_bastion" {
  name    = "from-bastion"
  network = "projects/example/global/networks/main"
  source_tags = ["bastion"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
