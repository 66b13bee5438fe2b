"""How a change goes through, for every app: the service errors (a rule refused it), optimistic
locking (one `version` per row that two people may edit at once), and how views show a refusal
in the form the user filled in."""
