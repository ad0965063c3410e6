"""Post-purchase figures computed with SQL aggregation over Saleor's and the plugin's tables."""
