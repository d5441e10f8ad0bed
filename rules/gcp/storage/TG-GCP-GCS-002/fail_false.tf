resource "google_storage_bucket" "reports" {
  name                        = "example-reports"
  location                    = "EU"
  uniform_bucket_level_access = false
}
