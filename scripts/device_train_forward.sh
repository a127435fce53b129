#!/usr/bin/env bash
# Train Smp-Forward-G1 for at most SECONDS, resuming from the shipped policy when there is one, and bring back the newest
# checkpoint, the tensorboard events, the log and a session.json in $OUT.
#
#   On the lent GPU machine (the last call of ../shared/device-kit's protocol):
#     . .device-kit/env/env.sh && bash scripts/device_train_forward.sh [SECONDS] [NUM_ENVS] [mjlab train options...]
#   Back here, ship it and record the session (BENCHMARKS.md, "The Forward campaign"):
#     uv run smp-campaign <the call's files_at folder> --device-seconds <the session's device seconds>
#   On a CPU, as CI does (tiny settings, same path): bash scripts/ci_campaign_check.sh
#
# The training stops itself on SIGINT after SECONDS and saves the iteration it was in (SmpOnPolicyRunner), so the time
# limit throws nothing away; 30 s later a still-running process is killed. SMP_RESUME_FROM picks another checkpoint to
# resume from (default: the shipped policy; a missing file means a fresh start).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-420}  # a device call may run 600 s; Warp compiles its CUDA kernels for ~100 s first on a fresh machine
num_envs=${2:-4096}
shift $(( $# < 2 ? $# : 2 ))
resume_from=${SMP_RESUME_FROM:-smp_nb/datasets/policies/smp_forward_g1.pt}
out=${OUT:-outputs/device}
log_root=$(mktemp -d)/logs  # a fresh folder, so the newest run below is this call's
mkdir -p "$out"
started=$(date +%s)
resume=()
if [ -f "$resume_from" ]; then
  mkdir -p "$log_root/smp_forward_g1/shipped"
  cp "$resume_from" "$log_root/smp_forward_g1/shipped/model_0.pt"
  resume=(--agent.resume True --agent.load-run shipped --agent.load-checkpoint model_0.pt)
  echo "resuming from $resume_from"
fi
timeout --signal=INT --kill-after=30 "$seconds" python3 -X faulthandler -c "from smp_nb.train import train_cli; train_cli()" \
  Smp-Forward-G1 --env.scene.num-envs "$num_envs" --agent.save-interval 25 --log-root "$log_root" "${resume[@]}" "$@" \
  > "$out/train.log" 2>&1
status=$?
ended=$(date +%s)
echo "training stopped with status $status after $((ended - started)) s (limit $seconds s)"
run=$(ls -td "$log_root"/smp_forward_g1/*/ 2>/dev/null | grep -v /shipped/ | head -1)
newest=$( [ -n "$run" ] && ls "$run" | grep -E '^model_[0-9]+\.pt$' | sort -V | tail -1)
[ -n "$newest" ] && cp "$run$newest" "$out/" && echo "checkpoint: $newest"
[ -n "$run" ] && cp "$run"events.out.tfevents.* "$out/" 2>/dev/null
resumed_sha=$( [ -f "$resume_from" ] && sha256sum "$resume_from" | cut -d' ' -f1)
cat > "$out/session.json" <<JSON
{"task": "Smp-Forward-G1", "num_envs": $num_envs, "seconds_limit": $seconds, "started": $started, "ended": $ended,
 "exit_status": $status, "checkpoint": "${newest:-}", "resumed_from_sha256": "${resumed_sha:-}",
 "extra_args": "$*", "host_gpu": "$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"}
JSON
tail -c 15000000 "$out/train.log" > "$out/train.log.tail" && mv "$out/train.log.tail" "$out/train.log"
ls -la "$out"
[ -n "$newest" ] || { echo "no checkpoint was written: see $out/train.log"; tail -20 "$out/train.log"; exit 1; }
