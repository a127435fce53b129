#!/usr/bin/env bash
# Train Smp-Forward-G1 for at most SECONDS, resuming from the shipped policy when there is one, and bring back the newest
# checkpoint, the tensorboard events, the log and a session.json in $OUT.
#
#   On the lent GPU machine (the last call of ../shared/device-kit's protocol):
#     . .device-kit/env/env.sh && bash scripts/device_train_forward.sh [SECONDS] [NUM_ENVS] [mjlab train options...]
#   Back here, ship it and record the session (BENCHMARKS.md, "The Forward campaign"):
#     uv run smp-campaign <the call's files_at folder> --device-seconds <the session's device seconds>
#
# The training stops itself on SIGINT after SECONDS and saves the iteration it was in (SmpOnPolicyRunner), so the time
# limit throws nothing away; 30 s later a still-running process is killed. While it trains, the newest finished
# checkpoint and the events file are copied into $OUT every few seconds, so a call that is cut short still brings them
# back. SMP_RESUME_FROM picks another checkpoint to resume from (default: the shipped policy; no file: a fresh start).
# Warp's compiled kernels (~100 s of CUDA compilation on a fresh machine) can travel between sessions:
# SMP_WARP_CACHE_OUT=1 (the default on a GPU machine) packs Warp's kernel cache into $OUT/warp_cache.tar.xz.NN (15 MB
# pieces) at the end, and SMP_WARP_CACHE_IN=<prefix> unpacks such pieces into the cache before training (default: the
# pieces committed in scripts/device_warp_cache/, if any; they travel with the checkout).
# The 05b_campaign notebook runs this script on the CPU with tiny settings in every test run.
set -uo pipefail
# one block, so bash reads all of it before it runs any: an edit to this file during a run cannot shift what it reads
{
cd "$(dirname "$0")/.."
seconds=${1:-420}  # a device call may run 600 s; Warp compiles its CUDA kernels for ~100 s first on a fresh machine
num_envs=${2:-4096}
shift $(( $# < 2 ? $# : 2 ))
resume_from=${SMP_RESUME_FROM:-smp_nb/datasets/policies/smp_forward_g1.pt}
out=${OUT:-outputs/device}
log_root=$(mktemp -d)/logs  # a fresh folder, so the newest run below is this call's
mkdir -p "$out"
started=$(date +%s)
resume=() resumed_sha=""
if [ -f "$resume_from" ]; then
  mkdir -p "$log_root/smp_forward_g1/shipped"
  cp "$resume_from" "$log_root/smp_forward_g1/shipped/model_0.pt"
  resume=(--agent.resume True --agent.load-run shipped --agent.load-checkpoint model_0.pt)
  resumed_sha=$(sha256sum "$resume_from" | cut -d' ' -f1)
  echo "resuming from $resume_from"
fi

write_session() {  # $1: end time or null, $2: exit status or null, $3: checkpoint name
  cat > "$out/session.json.tmp" <<JSON
{"task": "Smp-Forward-G1", "num_envs": $num_envs, "seconds_limit": $seconds, "started": $started, "ended": $1,
 "exit_status": $2, "checkpoint": "$3", "resumed_from_sha256": "$resumed_sha", "warp_cache_carried_in": "${warp_cache_in:-no}",
 "extra_args": "$extra_args", "gpu": "$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"}
JSON
  mv "$out/session.json.tmp" "$out/session.json"
}

newest=""
sync_out() {  # $1: "final" copies the newest checkpoint even if it was just written
  local run candidate
  run=$(ls -td "$log_root"/smp_forward_g1/*/ 2>/dev/null | grep -v /shipped/ | head -1)
  [ -n "$run" ] || return 0
  candidate=$(ls "$run" | grep -E '^model_[0-9]+\.pt$' | sort -V | tail -1)
  # a checkpoint still being written is left for the next round
  if [ -n "$candidate" ] && [ "$candidate" != "$newest" ] && \
     { [ "${1:-}" = final ] || [ $(( $(date +%s) - $(stat -c %Y "$run$candidate") )) -ge 3 ]; }; then
    cp "$run$candidate" "$out/$candidate.part" && mv "$out/$candidate.part" "$out/$candidate" || return 0
    [ -n "$newest" ] && rm -f "$out/$newest"
    newest=$candidate
  fi
  cp "$run"events.out.tfevents.* "$out/" 2>/dev/null
  return 0
}

warp_cache=${WARP_CACHE_PATH:-${XDG_CACHE_HOME:-$HOME/.cache}/warp}  # where Warp keeps its compiled kernels
warp_cache_in=no
SMP_WARP_CACHE_IN=${SMP_WARP_CACHE_IN:-scripts/device_warp_cache/warp_cache.tar.xz}
nvidia-smi -L >/dev/null 2>&1 && SMP_WARP_CACHE_OUT=${SMP_WARP_CACHE_OUT:-1}
if ls "$SMP_WARP_CACHE_IN".* >/dev/null 2>&1; then
  if mkdir -p "$warp_cache" && cat "$SMP_WARP_CACHE_IN".* | xz -d | tar -x -C "$warp_cache"; then
    warp_cache_in=yes
    echo "Warp kernel cache unpacked from $SMP_WARP_CACHE_IN.* into $warp_cache"
  else
    echo "no usable Warp kernel cache at $SMP_WARP_CACHE_IN.*: Warp compiles as usual"
  fi
fi

extra_args="$*"
write_session null null ""
# a stop waits for the iteration in progress: ~1 s on a GPU, up to a minute on a busy CPU (SMP_KILL_AFTER_S, default 30)
timeout --signal=INT --kill-after="${SMP_KILL_AFTER_S:-30}" "$seconds" python3 -X faulthandler -c "from smp_nb.train import train_cli; train_cli()" \
  Smp-Forward-G1 --env.scene.num-envs "$num_envs" --agent.save-interval 25 --log-root "$log_root" "${resume[@]}" "$@" \
  > "$out/train.log" 2>&1 &
trainer=$!
echo "$trainer" > "$out/trainer.pid"  # `kill -INT $(cat trainer.pid)`: timeout hands python one SIGINT, which saves
while kill -0 "$trainer" 2>/dev/null; do
  sleep 5
  sync_out
done
wait "$trainer"
status=$?
sync_out final
ended=$(date +%s)
echo "training stopped with status $status after $((ended - started)) s (limit $seconds s)"
[ -n "$newest" ] && echo "checkpoint: $newest"
write_session "$ended" "$status" "$newest"
rm -f "$out/trainer.pid"
if [ "${SMP_WARP_CACHE_OUT:-0}" = 1 ] && [ -d "$warp_cache" ]; then
  tar -cf - -C "$warp_cache" . | xz -T0 -6 | split -b 15000000 -d - "$out/warp_cache.tar.xz."
  echo "Warp kernel cache packed: $(du -ch "$out"/warp_cache.tar.xz.* | tail -1 | cut -f1) in $(ls "$out"/warp_cache.tar.xz.* | wc -l) pieces"
fi
tail -c 15000000 "$out/train.log" > "$out/train.log.tail" && mv "$out/train.log.tail" "$out/train.log"
ls -la "$out"
[ -n "$newest" ] || { echo "no checkpoint was written: see $out/train.log"; tail -20 "$out/train.log"; exit 1; }
exit
}
