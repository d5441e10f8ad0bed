variable "environment" {
  description = "Deployment stage, part of every name."
  type        = string
  default     = "staging"
}

variable "office_cidr" {
  description = "The office network, the only place SSH is allowed from."
  type        = string
  default     = "203.0.113.0/24"
}
