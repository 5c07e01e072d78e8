// The input pipeline: see issue 2.
