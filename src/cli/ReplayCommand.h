// SPDX-License-Identifier: MIT
#pragma once

// `hookscope replay --journal PATH --to URL [--ids LIST] [--filter EXPR] [--speed X |
// --back-to-back] [--duplicate P] [--reorder N] [--drop P] [--seed N] [--like-hoox]
// [--timeout MS] [--schedule MS,MS,MS] [--json]`: sends captured deliveries to the user's app
// at their original spacing, with reproducible chaos. Exit 0 when every delivery got 2xx,
// 1 when not, 2 on bad arguments or an empty selection.
int runReplayCommand(int argc, char **argv);
