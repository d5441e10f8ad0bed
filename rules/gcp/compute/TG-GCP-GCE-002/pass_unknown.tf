variable "public_ips" {
  type = list(string)
}

resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = "app-subnet"

    dynamic "access_config" {
      for_each = var.public_ips
      content {
        nat_ip = access_config.value
      }
    }
  }
}
