package dev.tollgate.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Terraform written for these tests, and helpers to find lines in it and rule ids in the bot's comments. */
public final class ReviewFixtures {

    public static final String MAIN_TF = """
            provider "aws" {
              region = "eu-west-1"
            }
            """;
    public static final String VARIABLES_TF = """
            variable "name" {
              default = "data"
            }
            """;
    /** A public bucket without versioning, logging or public access block, and SSH open to the world. */
    public static final String INSECURE_TF = """
            resource "aws_s3_bucket" "data" {
              bucket = var.name
              acl    = "public-read"
            }

            resource "aws_security_group" "web" {
              name = "web"
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """;
    /** The same bucket and group fixed: private, encrypted, versioned, logged, blocked; SSH from a private range. */
    public static final String SECURE_TF = secureBucket("data") + """

            resource "aws_security_group" "web" {
              name = "web"
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
              egress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }
            """;

    private static final Pattern MARKER_RULE = Pattern.compile("<!-- tollgate:([A-Za-z0-9_.-]+):");

    private ReviewFixtures() {
    }

    /** A private bucket with encryption, versioning, access logging and a full public access block (provider v4). */
    public static String secureBucket(String name) {
        return """
                resource "aws_s3_bucket" "%1$s" {
                  bucket = "acme-%1$s"
                }

                resource "aws_s3_bucket_versioning" "%1$s" {
                  bucket = aws_s3_bucket.%1$s.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }

                resource "aws_s3_bucket_logging" "%1$s" {
                  bucket        = aws_s3_bucket.%1$s.id
                  target_bucket = "acme-access-logs"
                  target_prefix = "%1$s/"
                }

                resource "aws_s3_bucket_server_side_encryption_configuration" "%1$s" {
                  bucket = aws_s3_bucket.%1$s.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "aws:kms"
                    }
                  }
                }

                resource "aws_s3_bucket_public_access_block" "%1$s" {
                  bucket                  = aws_s3_bucket.%1$s.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                """.formatted(name);
    }

    /** The 1-based number of the first line at or after {@code fromLine} that contains {@code needle}. */
    public static int lineOf(String text, String needle, int fromLine) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line containing " + needle + " from line " + fromLine);
    }

    public static int lineOf(String text, String needle) {
        return lineOf(text, needle, 1);
    }

    /** The rule ids in a comment's hidden markers (a comment groups every finding on its line). */
    public static List<String> rulesOf(String commentBody) {
        Matcher m = MARKER_RULE.matcher(commentBody);
        List<String> rules = new ArrayList<>();
        while (m.find()) {
            rules.add(m.group(1));
        }
        if (rules.isEmpty()) {
            throw new AssertionError("comment without a tollgate marker: " + commentBody);
        }
        return rules;
    }

    /** "path:line:rule" for each finding commented inline in a review request body. */
    public static List<String> placements(JsonNode reviewRequest) {
        List<String> placed = new ArrayList<>();
        for (JsonNode c : reviewRequest.path("comments")) {
            for (String rule : rulesOf(c.path("body").asText())) {
                placed.add(c.path("path").asText() + ":" + c.path("line").asInt() + ":" + rule);
            }
        }
        return placed;
    }

    /** How many inline comments sit on the same path and line: the bot posts one per line. */
    public static long duplicatePlaces(JsonNode reviewRequest) {
        List<String> places = new ArrayList<>();
        reviewRequest.path("comments").forEach(c -> places.add(c.path("path").asText() + ":" + c.path("line").asInt()));
        return places.size() - places.stream().distinct().count();
    }

    public static String at(String path, int line, String rule) {
        return path + ":" + line + ":" + rule;
    }
}
