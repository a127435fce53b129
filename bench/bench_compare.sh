#!/usr/bin/env bash
# The naturalness comparison in BENCHMARKS.md: Smp-Forward-G1 policies against the LAFAN1 people at 1, 2 and 3 m/s.
# usage: bash bench/bench_compare.sh [LAFAN_DIR] [OUT]   (defaults: ../shared/datasets/lafan1_g1, outputs/compare)
# Compares the untrained policy (the floor), policies after one and ten PPO iterations on the CPU (16 envs) and, once it ships,
# the trained policy smp_nb/datasets/policies/smp_forward_g1.pt. The outputs (compare.json, naturalness.md,
# gait_curves.png, compare.mp4) show the LAFAN1 people: keep them out of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
lafan=${1:-../shared/datasets/lafan1_g1}
out=${2:-outputs/compare}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# rsl-rl saves model_0.pt after the first iteration and model_9.pt after the tenth
uv run smp-train Smp-Forward-G1 --env.scene.num-envs 16 --env.events.gsi-reset.params.gsi.pool-size 256 \
  --agent.max-iterations 10 --log-root "$logs" > "$logs/train.log"
run=$(ls -d "$logs"/smp_forward_g1/*/)
checkpoints=(--checkpoint floor=Smp-Forward-G1:untrained --checkpoint ppo1=Smp-Forward-G1:"${run}model_0.pt"
             --checkpoint ppo10=Smp-Forward-G1:"${run}model_9.pt")
shipped=smp_nb/datasets/policies/smp_forward_g1.pt
[[ -f $shipped ]] && checkpoints+=(--checkpoint smp=Smp-Forward-G1:$shipped)
# these policies fall within a quarter of a second: measure from the start, and pieces down to 0.2 s
uv run smp-compare "${checkpoints[@]}" --speeds 1 2 3 --human-clips "$lafan" --output "$out" \
  --envs-per-speed 4 --steps 150 --warmup-steps 0 --min-segment-s 0.2
