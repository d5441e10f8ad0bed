variable "aws_profile" {
  type    = string
  default = "deploy"
}

provider "aws" {
  region  = "eu-west-1"
  profile = var.aws_profile
}
