// SPDX-License-Identifier: MIT
#pragma once

// GUI-thread cost of selecting a hostile capture in the payload viewer: a 30 MB string body,
// an object of a million keys and 500,000-deep nesting, each selected in a shown PayloadView
// (its Pretty page, tree, raw prefix and findings set up, then one paint).
struct HostileSelectResult {
    double stringMs = 0;
    double keysMs = 0;
    double nestingMs = 0;
    double maxCpuMs = 0; // the GUI thread's CPU time for the worst one (a loaded machine's wall
                         // time counts the waits for a core too)
    double maxRssGrowthMiB = 0; // resident memory gained by the worst of the three selections
};

HostileSelectResult measureSelectHostile();
