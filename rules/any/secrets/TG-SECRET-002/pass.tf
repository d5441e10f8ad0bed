resource "aws_key_pair" "deploy" {
  key_name   = "deploy"
  public_key = file("${path.module}/deploy.pub")
}
