from setuptools import setup

setup(name="greet", version="0.1", py_modules=["greet"])
