resource "google_storage_bucket_iam_binding" "site_readers" {
  bucket = "example-site"
  role   = "roles/storage.objectViewer"
  members = [
    "group:web-admins@example.com",
    "serviceAccount:cdn-origin@example-project.iam.gserviceaccount.com",
  ]
}

resource "google_storage_bucket_iam_member" "reports" {
  bucket = "example-reports"
  role   = "roles/storage.objectViewer"
  member = "user:analyst@example.com"
}
