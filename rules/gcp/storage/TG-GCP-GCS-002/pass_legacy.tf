resource "google_storage_bucket" "reports" {
  name               = "example-reports"
  location           = "EU"
  bucket_policy_only = true
}
