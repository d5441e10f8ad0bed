resource "google_compute_firewall" "allow_all_tcp" {
  name    = "allow-all-tcp"
  network = "projects/example/global/networks/main"

  allow {
    protocol = "all"
  }
}
