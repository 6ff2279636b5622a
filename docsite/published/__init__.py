"""The site as published: the link contract that keeps every URL and heading anchor working."""
