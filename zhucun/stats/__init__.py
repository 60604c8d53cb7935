"""The statistics: intervals, Likert items and scales, group tests, the ordinal
model, correlations, weighting and disclosure control.

Functions take data frames from :mod:`zhucun.data` and return numbers and
tables of numbers; they choose no words and draw nothing.
"""
