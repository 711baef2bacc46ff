"""Questions asked across tables and citizens: diff between tables, gaps and fill rates."""
