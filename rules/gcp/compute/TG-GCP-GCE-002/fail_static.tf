resource "google_compute_instance_template" "web" {
  name_prefix  = "web-"
  machine_type = "e2-medium"

  disk {
    source_image = "debian-cloud/debian-12"
  }

  network_interface {
    subnetwork = "web"

    access_config {
      nat_ip       = "203.0.113.20"
      network_tier = "PREMIUM"
    }
  }
}
