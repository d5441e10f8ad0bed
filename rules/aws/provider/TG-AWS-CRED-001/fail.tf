provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAQ3EGUK7QJ2VXNM4R"
  secret_key = "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"
}
