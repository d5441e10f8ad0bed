resource "google_storage_bucket" "site" {
  name                        = "example-public-site"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_binding" "site_readers" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  members = [
    "group:web-admins@example.com",
    "allUsers",
  ]
}
