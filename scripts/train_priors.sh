#!/usr/bin/env bash
# Train the shipped priors (smp_nb/datasets/priors/*.pt) from the LAFAN1-G1 clips, as recorded in BENCHMARKS.md: the
# three reward priors and eval.pt, the evaluation prior of smp-compare that no task rewards with.
# usage: bash scripts/train_priors.sh [LAFAN_DIR] [DEVICE] [STEPS_SCALE]
#   defaults: ../shared/datasets/lafan1_g1, cpu, 1 (STEPS_SCALE multiplies every step budget, e.g. 10 on a GPU)
# Subject 5 is held out of every reward prior (whole subject, not only takes) for the quality reports. Half of the (t, ε) draws
# come from the small-noise steps t < 8 that score motion best (02_diffusion, "Which diffusion steps tell motion apart");
# training stops early after 4 validations without a better validation loss, and the prior file keeps the best weights.
# Not run by CI: about 80 CPU-minutes in all (BENCHMARKS.md has the wall times).
set -euo pipefail
cd "$(dirname "$0")/.."
lafan=${1:-../shared/datasets/lafan1_g1}
device=${2:-cpu}
scale=${3:-1}
windows=$(mktemp -d)
trap 'rm -rf "$windows"' EXIT
uv run smp-csv-to-npz --input-dir "$lafan" --output-dir "$windows"
common=(--device "$device" --batch-size 256 --draws-per-window 4 --low-t-fraction 0.5 --low-t-max 8 --eval-every 500
        --checkpoint-every 500 --patience 4)

# loco: walk1-3, run1-2, sprint1 of subjects 1-4
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/loco.pt "${common[@]}" \
  --clips 'walk1_*' 'walk2_*' 'walk3_*' 'run1_*' 'run2_*' 'sprint1_*' \
  --holdout-clips walk1_subject5 walk3_subject5 run1_subject5 --steps $((6000 * scale))
# run: run1-2 and sprint1 of subjects 1-4
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/run.pt "${common[@]}" \
  --clips 'run1_*' 'run2_*' 'sprint1_*' --holdout-clips run1_subject5 --steps $((3000 * scale))
# getup: fallAndGetUp1-2 of subjects 1-4
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/getup.pt "${common[@]}" \
  --clips 'fallAndGetUp*' --holdout-clips fallAndGetUp1_subject5 --steps $((3000 * scale))
# eval (for evaluation only): every locomotion clip of every subject, its own size and seed, so that no policy has been
# rewarded by the prior that scores it
uv run smp-pretrain --data-dir "$windows" --output smp_nb/datasets/priors/eval.pt "${common[@]}" \
  --clips 'walk*' 'run*' 'sprint*' --width 96 --depth 2 --heads 4 --seed 7 --steps $((4000 * scale))

for prior in loco run getup; do
  uv run smp-prior-report smp_nb/datasets/priors/$prior.pt "$windows" --plot smp_nb/datasets/priors/${prior}_report.png
done
