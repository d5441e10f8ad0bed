resource "google_storage_bucket" "reports" {
  name     = "example-reports"
  location = "EU"
}
