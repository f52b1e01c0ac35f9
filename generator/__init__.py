"""Generator of a static, anchored, multi-edition website for a work report."""
