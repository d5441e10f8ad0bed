resource "google_storage_bucket_iam_member" "anyone_with_google_account" {
  bucket = "example-reports"
  role   = "roles/storage.objectViewer"
  member = "allAuthenticatedUsers"
}
