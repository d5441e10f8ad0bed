resource "google_container_cluster" "main" {
  name               = "example-cluster"
  location           = "europe-west1"
  initial_node_count = 1
}
