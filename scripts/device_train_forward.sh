#!/usr/bin/env bash
# Train Smp-Forward-G1 on the lent GPU machine, resuming from the shipped policy when there is one, and bring back the
# newest checkpoint, the tensorboard events and the log in $OUT. One device call (the last of ../shared/device-kit's
# protocol): `. .device-kit/env/env.sh && bash scripts/device_train_forward.sh [SECONDS] [NUM_ENVS]`.
# Back here: copy the checkpoint to smp_nb/datasets/policies/smp_forward_g1.pt and the events file to bench/results/ (see
# BENCHMARKS.md), so the next session resumes where this one stopped.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-420}  # the call's limit is 600 s; Warp compiles its CUDA kernels for ~100 s first on a fresh machine
num_envs=${2:-4096}
out=${OUT:-outputs/device}
log_root=/tmp/smp_logs
mkdir -p "$out"
resume=()
if [ -f smp_nb/datasets/policies/smp_forward_g1.pt ]; then
  mkdir -p "$log_root/smp_forward_g1/shipped"
  cp smp_nb/datasets/policies/smp_forward_g1.pt "$log_root/smp_forward_g1/shipped/model_0.pt"
  resume=(--agent.resume True --agent.load-run shipped --agent.load-checkpoint model_0.pt)
fi
timeout --signal=INT "$seconds" python3 -c "from smp_nb.train import train_cli; train_cli()" Smp-Forward-G1 \
  --env.scene.num-envs "$num_envs" --agent.save-interval 25 --log-root "$log_root" "${resume[@]}" > "$out/train.log" 2>&1
echo "training stopped with status $? after at most $seconds s"
run=$(ls -td "$log_root"/smp_forward_g1/*/ | grep -v /shipped/ | head -1)
newest=$(ls "$run" | grep -E '^model_[0-9]+\.pt$' | sort -V | tail -1)
[ -n "$newest" ] && cp "$run$newest" "$out/" && echo "checkpoint: $newest"
cp "$run"events.out.tfevents.* "$out/" 2>/dev/null
tail -c 15000000 "$out/train.log" > "$out/train.log.tail" && mv "$out/train.log.tail" "$out/train.log"
ls -la "$out"
