#!/usr/bin/env bash
# The Forward campaign on this machine's CPU: train Smp-Forward-G1 for MINUTES on native MuJoCo (mjbatch), resuming the
# shipped policy, then ship it and add the session's row to the campaign record.
#
#   bash scripts/train_forward.sh [MINUTES] [NUM_ENVS]      (defaults: 120 minutes, 1024 envs)
#
# It is the CPU counterpart of scripts/device_train_forward.sh (which it runs with --sim mjbatch): the run stops itself
# on SIGINT after MINUTES and saves the iteration it was in; the newest checkpoint, the events and session.json land in
# outputs/campaign/<start time>/, and `smp-campaign` ships them (skip that with SMP_NO_SHIP=1, e.g. to ship later by hand:
# `uv run smp-campaign outputs/campaign/<start time>`; outputs/ does not outlive the machine, so a session that ends
# before it ships loses what it trained, as one did on 2026-12-07). Stopping it early: `kill -INT $(cat outputs/campaign/<start
# time>/trainer.pid)` (the `timeout` that runs python; it hands python one SIGINT). Not `pkill -f train_cli`: that also
# matches `timeout`, so python gets two signals, and the second ends it at once without a checkpoint.
set -uo pipefail
# The whole script is one block, so bash reads all of it before it runs any: an edit to this file during a two-hour
# run can no longer make the running bash read shifted bytes (on 2026-12-08 one did, and started a second training).
{
cd "$(dirname "$0")/.."
minutes=${1:-120}
num_envs=${2:-1024}
out=outputs/campaign/$(date +%Y-%m-%d_%H-%M-%S)
mkdir -p "$out"
echo "training Smp-Forward-G1 on the CPU (mjbatch) for $minutes min at $num_envs envs; log: $out/train.log"
# an iteration at 1,024 envs takes 15-60 s on 2 busy cores: give the stop 10 minutes to reach its checkpoint
OUT=$out SMP_WARP_CACHE_OUT=0 SMP_KILL_AFTER_S=${SMP_KILL_AFTER_S:-600} uv run bash scripts/device_train_forward.sh $((minutes * 60)) "$num_envs" --sim mjbatch || exit 1
[ "${SMP_NO_SHIP:-0}" = 1 ] && { echo "not shipped (SMP_NO_SHIP=1): uv run smp-campaign $out"; exit 0; }
uv run smp-campaign "$out"
exit
}
