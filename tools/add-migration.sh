#!/usr/bin/env bash
# Adds one EF Core migration for each database provider, with the same name:
#   SQLite     -> src/RemoteGuidanceTraining.Web/Data/Migrations           (context AppDbContext)
#   PostgreSQL -> src/RemoteGuidanceTraining.Web/Data/Postgres/Migrations  (context PostgresAppDbContext)
# Usage: tools/add-migration.sh NAME      (needs dotnet-ef: dotnet tool install --global dotnet-ef --version 10.0.15)
# Neither command connects to a database. Afterwards the tests "The_model_has_no_changes_missing_from_the_migrations"
# check, on each provider, that the model and its migrations agree.
set -euo pipefail
name=${1:?usage: tools/add-migration.sh MigrationName}
cd "$(dirname "$0")/../src/RemoteGuidanceTraining.Web"
export PATH="$PATH:$HOME/.dotnet/tools"
dotnet ef migrations add "$name" --context AppDbContext --output-dir Data/Migrations
# The second run reuses the build of the first.
dotnet ef migrations add "$name" --context PostgresAppDbContext --output-dir Data/Postgres/Migrations --no-build
