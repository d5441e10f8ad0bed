data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket_acl" "shared" {
  bucket = "acme-shared"

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
