resource "google_storage_bucket_acl" "downloads" {
  bucket = "example-downloads"
  role_entity = [
    "OWNER:project-owners-123456789",
    "READER:allUsers",
  ]
}
