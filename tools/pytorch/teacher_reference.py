#!/usr/bin/python3
"""PyTorch reference for the teacher library (Sweep.Teachers).

Runs with Debian's python3-torch (apt-get install python3-torch; use /usr/bin/python3). Three commands:

  fixture OUT.json [--datasets DIR]
      Writes the fixture the C# tests compare against: small networks with fixed weights, a fixed batch and
      lambda, the resulting MSE, Jacobian penalty, total loss and parameter gradients, the weights after 10
      Adam/AdamW steps, and the test R2 and input-gradient of teachers trained with PyTorch on airfoil_self_noise
      at lambda 0 and at --penalized-lambda.
  fit DATASET [--datasets DIR] [settings]
      Trains one teacher on a data set of the shared folder with the modulo split and prints its scores as JSON.
  speed [--rows 1000 --features 8] [settings]
      Trains on synthetic data and prints epochs per second as JSON (used by Sweep.Teachers.Bench).

The training loop mirrors TrainingLoop.cs: weights uniform on +-1/sqrt(fan_in) drawn from a seeded generator,
mini-batches reshuffled each epoch with that generator, loss = MSE + lambda * mean ||df/dx||^2 by double backward,
validation MSE after each epoch, early stopping with patience restoring the best weights.
"""
import argparse
import csv
import gzip
import json
import math
import os
import sys
import time

import torch

ACTIVATIONS = {
    "Tanh": torch.tanh,
    "SiLU": torch.nn.functional.silu,
    "ReLU": torch.relu,
    "GELU": torch.nn.functional.gelu,
}


def init_network(features, hidden, generator, dtype):
    """Weights and biases, input side first, drawn in the order weight0, bias0, weight1, ..."""
    widths = [features] + list(hidden) + [1]
    params = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        bound = 1.0 / math.sqrt(fan_in)
        weight = torch.empty(fan_out, fan_in, dtype=dtype).uniform_(-bound, bound, generator=generator)
        bias = torch.empty(fan_out, dtype=dtype).uniform_(-bound, bound, generator=generator)
        params += [weight.requires_grad_(True), bias.requires_grad_(True)]
    return params


def forward(params, x, activation):
    act = ACTIVATIONS[activation]
    layers = len(params) // 2
    for layer in range(layers):
        x = torch.nn.functional.linear(x, params[2 * layer], params[2 * layer + 1])
        if layer < layers - 1:
            x = act(x)
    return x


def objective(params, x, y, activation, lam):
    """(total, mse, penalty) with penalty = mean over rows of ||df(x)/dx||^2, exact by double backward."""
    if lam == 0:
        mse = torch.nn.functional.mse_loss(forward(params, x, activation), y)
        return mse, mse, None
    x = x.detach().requires_grad_(True)
    out = forward(params, x, activation)
    mse = torch.nn.functional.mse_loss(out, y)
    (grad,) = torch.autograd.grad(out.sum(), x, create_graph=True)
    penalty = grad.pow(2).sum(1).mean()
    return mse + lam * penalty, mse, penalty


def make_optimizer(params, kind, lr, weight_decay):
    cls = torch.optim.Adam if kind == "Adam" else torch.optim.AdamW
    return cls(params, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=weight_decay)


def train(data, settings, seed):
    """Trains one teacher; returns (params, epochs_run, seconds)."""
    torch.set_num_threads(settings.threads)
    start = time.perf_counter()
    generator = torch.Generator().manual_seed(seed)
    x_train, y_train, x_val, y_val = data
    params = init_network(x_train.shape[1], settings.hidden, generator, torch.float32)
    optimizer = make_optimizer(params, settings.optimizer, settings.lr, settings.weight_decay)
    rows = x_train.shape[0]
    full_batch = settings.batch_size == 0 or settings.batch_size >= rows
    best_loss, best_epoch, best_params, epochs_run = math.inf, 0, None, 0
    early = settings.patience > 0 and x_val.shape[0] > 0
    if early:
        best_params = [p.detach().clone() for p in params]
    while epochs_run < settings.epochs:
        batches = [None] if full_batch else torch.randperm(rows, generator=generator).split(settings.batch_size)
        for index in batches:
            xb, yb = (x_train, y_train) if index is None else (x_train[index], y_train[index])
            optimizer.zero_grad()
            loss = objective(params, xb, yb, settings.activation, settings.lam)[0]
            loss.backward()
            optimizer.step()
            loss.item()
        epochs_run += 1
        if x_val.shape[0] > 0:
            with torch.no_grad():
                val_loss = torch.nn.functional.mse_loss(forward(params, x_val, settings.activation), y_val).item()
            if val_loss < best_loss:
                best_loss, best_epoch = val_loss, epochs_run
                if early:
                    with torch.no_grad():
                        for saved, p in zip(best_params, params):
                            saved.copy_(p)
            if early and epochs_run - best_epoch >= settings.patience:
                break
    if early and best_epoch > 0:
        with torch.no_grad():
            for saved, p in zip(best_params, params):
                p.copy_(saved)
    return params, epochs_run, time.perf_counter() - start


def r2(y, prediction):
    residual = ((y - prediction) ** 2).sum().item()
    total = ((y - y.mean()) ** 2).sum().item()
    return 1.0 - residual / total


def load_table(folder, name):
    with open(os.path.join(folder, "catalog.tsv")) as catalog:
        entry = next(row for row in csv.reader(catalog, delimiter="\t") if row[0] == name)
    path = os.path.join(folder, entry[1])
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as handle:
        rows = list(csv.reader(handle, delimiter="\t" if ".tsv" in path else ","))
    target = rows[0].index(entry[2])
    values = torch.tensor([[float(v) for v in row] for row in rows[1:]], dtype=torch.float64)
    keep = [c for c in range(values.shape[1]) if c != target]
    return values[:, keep], values[:, target]


def modulo_split(x, y):
    """Row i: test when i % 5 == 4, validation when 3, else train; standardized with train statistics."""
    index = torch.arange(x.shape[0]) % 5
    parts = [(x[index < 3], y[index < 3]), (x[index == 3], y[index == 3]), (x[index == 4], y[index == 4])]
    x_mean, x_std = parts[0][0].mean(0), parts[0][0].std(0, unbiased=False)
    y_mean, y_std = parts[0][1].mean(), parts[0][1].std(unbiased=False)
    x_std[x_std == 0] = 1
    return [(((px - x_mean) / x_std).float(), ((py - y_mean) / y_std).float().unsqueeze(1)) for px, py in parts]


def fit(folder, name, settings, seed):
    train_part, val_part, test_part = modulo_split(*load_table(folder, name))
    params, epochs, seconds = train((*train_part, *val_part), settings, seed)
    with torch.no_grad():
        scores = {split: r2(part[1], forward(params, part[0], settings.activation))
                  for split, part in (("train", train_part), ("validation", val_part), ("test", test_part))}
    x_test = test_part[0].clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(forward(params, x_test, settings.activation).sum(), x_test)
    return {"dataset": name, "seed": seed, "lambda": settings.lam, "r2": scores,
            "mean_squared_input_gradient_test": grad.pow(2).sum(1).mean().item(), "epochs": epochs,
            "seconds": seconds}


def gradient_case(activation, optimizer, lr, weight_decay, lam, seed):
    """A tiny float64 network with fixed weights: loss parts, gradients, and weights after 10 steps."""
    generator = torch.Generator().manual_seed(seed)
    features, hidden, rows = 3, [5, 4], 7
    params = init_network(features, hidden, generator, torch.float64)
    x = torch.randn(rows, features, dtype=torch.float64, generator=generator)
    y = torch.randn(rows, 1, dtype=torch.float64, generator=generator)
    case = {
        "activation": activation, "optimizer": optimizer, "learning_rate": lr, "weight_decay": weight_decay,
        "lambda": lam, "features": features, "hidden": hidden,
        "x": x.flatten().tolist(), "y": y.flatten().tolist(),
        "initial": [p.detach().flatten().tolist() for p in params],
    }
    total, mse, penalty = objective(params, x, y, activation, lam)
    grads = torch.autograd.grad(total, params, retain_graph=True)
    # The output bias does not move the input-gradient, so its penalty gradient is zero (unused in the graph).
    penalty_grads = [torch.zeros_like(p) if g is None else g
                     for p, g in zip(params, torch.autograd.grad(penalty, params, allow_unused=True))]
    case.update(mse=mse.item(), penalty=penalty.item(), total=total.item(),
                gradients=[g.flatten().tolist() for g in grads],
                penalty_gradients=[g.flatten().tolist() for g in penalty_grads])
    opt = make_optimizer(params, optimizer, lr, weight_decay)
    for _ in range(10):
        opt.zero_grad()
        objective(params, x, y, activation, lam)[0].backward()
        opt.step()
    case["after_10_steps"] = [p.detach().flatten().tolist() for p in params]
    return case


def synthetic(rows, features, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(rows, features, generator=generator)
    y = (torch.sin(x[:, 0]) + x[:, 1] * x[:, 2] + 0.1 * torch.randn(rows, generator=generator)).unsqueeze(1)
    return x, (y - y.mean()) / y.std()


def settings_parser():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--hidden", type=lambda s: [int(v) for v in s.split(",")], default=[64, 64])
    parser.add_argument("--activation", default="Tanh", choices=sorted(ACTIVATIONS))
    parser.add_argument("--optimizer", default="Adam", choices=["Adam", "AdamW"])
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--weight-decay", type=float, default=0.0)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--patience", type=int, required=True)
    parser.add_argument("--lambda", dest="lam", type=float, default=0.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    return parser


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    fixture_cmd = commands.add_parser("fixture", parents=[settings_parser()])
    fixture_cmd.add_argument("out")
    fixture_cmd.add_argument("--penalized-lambda", type=float, default=0.01)
    fixture_cmd.add_argument("--datasets", default=os.path.join(os.path.dirname(__file__), "../../../shared/datasets"))
    fit_cmd = commands.add_parser("fit", parents=[settings_parser()])
    fit_cmd.add_argument("dataset")
    fit_cmd.add_argument("--datasets", default=os.path.join(os.path.dirname(__file__), "../../../shared/datasets"))
    speed_cmd = commands.add_parser("speed", parents=[settings_parser()])
    speed_cmd.add_argument("--rows", type=int, default=1000)
    speed_cmd.add_argument("--features", type=int, default=8)
    args = parser.parse_args()

    if args.command == "fit":
        print(json.dumps(fit(args.datasets, args.dataset, args, args.seed)))
    elif args.command == "speed":
        x, y = synthetic(args.rows, args.features, args.seed)
        x_val, y_val = synthetic(args.rows // 5, args.features, args.seed + 1)
        train((x[:10], y[:10], x_val, y_val), argparse.Namespace(**{**vars(args), "epochs": 2}), args.seed)
        _, epochs, seconds = train((x, y, x_val, y_val), args, args.seed)
        print(json.dumps({"torch": torch.__version__, "epochs": epochs, "seconds": seconds,
                          "epochs_per_second": epochs / seconds}))
    else:
        cases = [
            gradient_case("Tanh", "Adam", 0.01, 0.0, 3.0, seed=1),
            gradient_case("SiLU", "AdamW", 0.01, 0.1, 10.0, seed=2),
            gradient_case("GELU", "Adam", 0.02, 0.01, 20.0, seed=3),
            gradient_case("ReLU", "Adam", 0.01, 0.0, 5.0, seed=4),
        ]
        penalized = argparse.Namespace(**{**vars(args), "lam": args.penalized_lambda})
        airfoil = [fit(args.datasets, "airfoil_self_noise", run, args.seed) for run in (args, penalized)]
        keys = ("hidden", "activation", "optimizer", "lr", "weight_decay", "epochs", "batch_size", "patience",
                "lam", "threads", "seed")
        fixture = {"torch": torch.__version__, "command": " ".join(sys.argv[1:]), "cases": cases,
                   "airfoil": [{**fitted, "settings": {k: getattr(run, k) for k in keys}}
                               for fitted, run in zip(airfoil, (args, penalized))]}
        with open(args.out, "w") as out:
            json.dump(fixture, out, indent=1)
            out.write("\n")


if __name__ == "__main__":
    main()
