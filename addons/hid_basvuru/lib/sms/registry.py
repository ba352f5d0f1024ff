"""The adapters by name, as chosen in the settings."""
from .iletimerkezi import IletimerkeziAdapter
from .netgsm import NetgsmAdapter

ADAPTERS = {
    NetgsmAdapter.name: NetgsmAdapter,
    IletimerkeziAdapter.name: IletimerkeziAdapter,
}


def get_adapter(name, **kwargs):
    """An adapter instance for provider `name`; KeyError for an unknown one."""
    return ADAPTERS[name](**kwargs)
