"""A simulated B2B market that lands raw web, e-mail and CRM data the way loaders do."""
