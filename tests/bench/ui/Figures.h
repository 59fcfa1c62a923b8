#pragma once

#include <algorithm>
#include <vector>

// Order statistics of a sample (all zero for an empty one).
struct Summary
{
    double median = 0;
    double p99 = 0;
    double max = 0;
};

inline Summary summarize(std::vector<double> values)
{
    Summary s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values[values.size() / 2];
    s.p99 = values[std::min(values.size() - 1, values.size() * 99 / 100)];
    s.max = values.back();
    return s;
}
