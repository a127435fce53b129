#!/usr/bin/env bash
# Train the three shipped priors (smp_nb/datasets/priors/*.pt) from the LAFAN1-G1 clips, as recorded in BENCHMARKS.md.
# usage: bash scripts/train_priors.sh [LAFAN_DIR] [DEVICE]   (defaults: ../shared/datasets/lafan1_g1, cpu)
set -euo pipefail
cd "$(dirname "$0")/.."
lafan=${1:-../shared/datasets/lafan1_g1}
device=${2:-cpu}
windows=$(mktemp -d)
trap 'rm -rf "$windows"' EXIT
uv run smp-csv-to-npz --input-dir "$lafan" --output-dir "$windows"

# loco: walk1-3, run1-2, sprint1; walk1_subject5 and run1_subject5 held out for the quality report
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/loco.pt --device "$device" \
  --clips 'walk1_*' 'walk2_*' 'walk3_*' 'run1_*' 'run2_*' 'sprint1_*' \
  --holdout-clips walk1_subject5 run1_subject5 --steps 2800
# run: run1-2 and sprint1; run1_subject5 held out
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/run.pt --device "$device" \
  --clips 'run1_*' 'run2_*' 'sprint1_*' --holdout-clips run1_subject5 --steps 1500
# getup: fallAndGetUp1-2; fallAndGetUp1_subject5 held out
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/getup.pt --device "$device" \
  --clips 'fallAndGetUp*' --holdout-clips fallAndGetUp1_subject5 --steps 1500

for prior in loco run getup; do
  uv run smp-prior-report smp_nb/datasets/priors/$prior.pt "$windows" --plot smp_nb/datasets/priors/${prior}_report.png
done
