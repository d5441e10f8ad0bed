variable "reader" {
  type = string
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = "example-reports"
  role   = "roles/storage.objectViewer"
  member = var.reader
}
