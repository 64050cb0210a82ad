"""The Streamlit pages of NTM Assistant (top layer: nothing imports it but ``app.py``)."""
