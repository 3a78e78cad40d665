#!/usr/bin/env bash
# Regenerates the built-in Mind2Web sample: replays the built-in WebVoyager and WebArena samples in Chromium, then
# records the passed episodes with Mind2WebRecorder, one split per site (analogues of Mind2Web's test splits).
# Run from the repository root; writes suites/src/main/resources/dev/gauntlet/suites/mind2web/sample/.
set -euo pipefail
runs=$(mktemp -d)
for suite in webvoyager webarena; do
  mvn -o -q -pl suites -am verify -Psuite=$suite -Dagent=replay -Dgauntlet.leaderboard=off \
      -Dgauntlet.screenshots=none -Dgauntlet.runsDir="$runs/$suite"
done
mvn -o -q -pl suites -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
out=$(mktemp -d)
(cd suites && java -cp target/classes:$(cat target/cp.txt) dev.gauntlet.suites.mind2web.Mind2WebRecorder \
    "$runs"/webvoyager/2*-webvoyager-replay "$runs"/webarena/2*-webarena-replay --out "$out" \
    --site "shopping=test_task/Shopping/Outdoor gear" --site dictionary=test_task/Info/Reference \
    --site papers=test_website/Info/Research --site "shopping_admin=test_website/Shopping/Store admin" \
    --site reddit=test_domain/Social/Forum --site recipes=test_domain/Food/Recipes)
sample=suites/src/main/resources/dev/gauntlet/suites/mind2web/sample
for split in test_task test_website test_domain; do
  cp "$out/$split/${split}_0.json" "$sample/$split/${split}_0.json"
done
