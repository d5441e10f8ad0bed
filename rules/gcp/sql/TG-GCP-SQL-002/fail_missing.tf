resource "google_sql_database_instance" "reports" {
  name             = "reports"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-n1-standard-1"
  }
}
