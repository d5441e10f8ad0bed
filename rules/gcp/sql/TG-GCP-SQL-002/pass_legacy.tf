resource "google_sql_database_instance" "reports" {
  name             = "reports"
  database_version = "MYSQL_5_7"
  region           = "europe-west1"

  settings {
    tier = "db-n1-standard-1"

    ip_configuration {
      ipv4_enabled = true
      require_ssl  = true
    }
  }
}
