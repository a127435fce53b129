"""The SMP reward's cost and what it separates, for the choices the CPU iteration can make: K (the diffusion steps the
SDS error averages) and the precision of the denoiser (float32, or bfloat16 under `torch.autocast`). One run, one
machine: windows/s of `MotionPrior.sds_error` at the campaign's batch, and the AUROCs of the quality report on the
prior's held-out clips with one noise draw per window, as the reward scores (`prior_report(noise_draws=1)`).

  uv run python bench/bench_reward_k.py [--prior loco] [--windows 1024] [--clips DIR]

The clips default to `$SMP_LAFAN_DIR` or ../shared/datasets/lafan1_g1; without them only the timings are measured.
"""
import argparse
import json
import time

import torch

from smp_nb.diffusion import SDS_TIMESTEPS, load_prior
from smp_nb.quality import _report_windows, prior_report, report_window_size
from smp_nb.reward import PRIORS_DIR

CHOICES = {"K=(0,1,2)": (0, 1, 2), "K=(0)": (0,), "K=(8,15,22) (reference)": (8, 15, 22)}


def windows_per_s(prior, windows, timesteps, bf16: bool, repeats: int = 5) -> float:
  "Windows scored per second by one `sds_error` call over all of `windows`."
  def once():
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
      return prior.sds_error(windows, timesteps)
  once()
  start = time.perf_counter()
  for _ in range(repeats):
    once()
  return len(windows) * repeats / (time.perf_counter() - start)


def main():
  from smp_nb.data import lafan_dir

  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--prior", default="loco")
  parser.add_argument("--windows", type=int, default=1024, help="batch scored at once (the campaign's num_envs)")
  parser.add_argument("--clips", default=None, help="folder of LAFAN1-G1 CSVs (default: lafan_dir())")
  parser.add_argument("--max-windows", type=int, default=2048, help="held-out windows in the AUROC report")
  args = parser.parse_args()
  prior = load_prior(PRIORS_DIR / f"{args.prior}.pt")
  print(f"torch {torch.__version__}, CPU capability {torch.backends.cpu.get_cpu_capability()}, "
        f"{torch.get_num_threads()} threads; SDS_TIMESTEPS = {SDS_TIMESTEPS}")
  sampled = prior.sample(args.windows, steps=5, generator=torch.Generator().manual_seed(0))
  results = {}
  for name, ks in CHOICES.items():
    for bf16 in (False, True):
      # bfloat16 is emulated where the CPU lacks AVX512-BF16 (and ~10x slower): a quarter of the batch, once, tells that
      rate = windows_per_s(prior, sampled[: len(sampled) // 4] if bf16 else sampled, ks, bf16, repeats=1 if bf16 else 5)
      results[f"{name} {'bf16' if bf16 else 'fp32'}"] = {"windows_per_s": round(rate)}
      print(f"{name:24s} {'bf16' if bf16 else 'fp32'}: {rate:8.0f} windows/s", flush=True)
  clips = args.clips or lafan_dir()
  if clips is None:
    print("no LAFAN1-G1 clips: AUROCs not measured")
  else:
    windows, chosen = _report_windows(clips, prior.holdout_clips, report_window_size(prior.window_size))
    print(f"AUROC on {len(windows)} held-out windows of {', '.join(chosen)} (max {args.max_windows}), one noise draw")
    for name, ks in CHOICES.items():
      report = prior_report(prior, windows, args.max_windows, timesteps=ks, noise_draws=1)
      aurocs = {kind: round(r["auroc"], 3) for kind, r in report.items() if isinstance(r, dict) and "auroc" in r}
      results.setdefault(name, {})["auroc"] = aurocs
      print(f"{name:24s}", json.dumps(aurocs), flush=True)
  print(json.dumps(results))


if __name__ == "__main__":
  main()
