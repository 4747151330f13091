#!/bin/sh
# Rewrites PublicAPI.Unshipped.txt of every packable library from its current public surface (README, "Public API").
#
# Each Unshipped file is emptied first and refilled by the analyzers' own code fix for RS0016 ("symbol is not part of
# the declared API"), so members added since the last run gain their line and members removed or renamed lose theirs
# (RS0017 has no code fix). PublicAPI.Shipped.txt is never touched: removing a shipped member still fails the build.
# A packable library without the two files gets them. Usage: eng/update-public-api.sh [src/Project ...]
set -eu
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  # Every project under src/ that packs as a library (the tool, PackAsTool, has no public API to declare).
  set -- $(for project in src/*/*.csproj; do
    grep -q '<PackAsTool>true</PackAsTool>' "$project" || grep -q '<IsPackable>false</IsPackable>' "$project" || dirname "$project"
  done)
fi

for directory in "$@"; do
  [ -f "$directory/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$directory/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$directory/PublicAPI.Unshipped.txt"
  echo "$directory: declaring its public API"
  dotnet format analyzers "$directory" --diagnostics RS0016 --severity warn
  echo "$directory: $(($(wc -l < "$directory/PublicAPI.Unshipped.txt") - 1)) unshipped lines"
done
